"""People use the shared search and break-glass forms."""

from contextsafe.web.forms import BreakGlassForm, SearchForm

__all__ = ["BreakGlassForm", "SearchForm"]
