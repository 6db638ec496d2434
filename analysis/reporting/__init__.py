"""Reports: the notebooks' shared loader, strike tempo, the charts and the batch runner."""
