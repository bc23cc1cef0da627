"""Registers of information sharing agreements and DPIAs, and the ledger of every decision to share or not."""
