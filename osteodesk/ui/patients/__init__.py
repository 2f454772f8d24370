"""The Patients tab: find, add and edit patients."""
