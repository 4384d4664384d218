"""claims.yaml <-> ClaimsFile: load and validate with located problems; merge new claims.

Import ``claimcheck.claimsfile.load`` or ``.write`` directly: this package imports
nothing itself, so ``claimcheck check`` never loads the writer (ruamel.yaml).
"""
