"""The facts stage: reported values read as intervals, whether they agree, and the ranks
editors' judgements give them."""
