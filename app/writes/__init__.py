"""Writes made through the API (and the command line's key commands): each in one transaction, each
recorded in the change feed (app.audit) with its actor, each bumping the dataset version (the ETags).

The functions take the caller's session and commit nothing; the route or command owns the transaction.
"""
