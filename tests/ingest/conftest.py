from tests.conftest import rows as table

__all__ = ["table"]
