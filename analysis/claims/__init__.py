"""Claims: reported speech, its cue, its content, its speaker resolved within the article."""
