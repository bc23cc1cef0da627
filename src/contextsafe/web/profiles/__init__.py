"""The latest contextual problem profile, full or redacted by role."""
