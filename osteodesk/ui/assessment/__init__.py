"""The Assessment tab: DXA, labs, FRAX and the live evaluation."""
