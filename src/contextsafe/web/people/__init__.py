"""Linked young people: their source records, timeline, concerns and contexts."""
