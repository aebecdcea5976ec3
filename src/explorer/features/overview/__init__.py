"""Overview: the headline figures and the SME shares."""
