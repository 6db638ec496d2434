"""Text of one article: decoding to composed form, the offset-keeping normalised view, page furniture, sentences."""
