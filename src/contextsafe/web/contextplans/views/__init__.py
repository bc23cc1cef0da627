"""The pages of context referrals, conferences and plans, context assessments and safety maps."""
