"""Base admin classes for registry models (icsgov.core.admin.base)."""

from icsgov.core.admin.base import (
    DateForm,
    ParentCachedFormSet,
    ParentErrorsForm,
    ScopedAdmin,
    ScopedPermissionsMixin,
    ScopedStackedInline,
    ScopedTabularInline,
)

__all__ = [
    "DateForm",
    "ParentCachedFormSet",
    "ParentErrorsForm",
    "ScopedAdmin",
    "ScopedPermissionsMixin",
    "ScopedStackedInline",
    "ScopedTabularInline",
]
