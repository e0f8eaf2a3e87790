"""Pages for the school as a whole (issue 21): the leader's overview, the library, school-wide teams, the framework editor."""
