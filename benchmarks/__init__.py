"""Speed figures measured against floors taken in the same run (issue 8)."""
