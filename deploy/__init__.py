"""Serving the planner to a team: nginx in front of N replicas (see README, "Serving a team")."""
