"""The Worklist tab: who is due, who is late, and what for (issue 7)."""
