"""claimsfile stage."""
