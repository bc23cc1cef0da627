"""Forms of the administrator's pages."""

from __future__ import annotations

from django import forms

from contextsafe.web.accounts.models import Organisation, User, UserRole

TEXT = {"class": "govuk-input govuk-!-width-one-half", "autocomplete": "off"}
SELECT = {"class": "govuk-select"}


class OrganisationForm(forms.ModelForm):
    sources = forms.CharField(required=False, max_length=2000, widget=forms.TextInput(attrs=TEXT),
                              help_text="Store sources this organisation provides, separated by commas")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "sources"]
        widgets = {"name": forms.TextInput(attrs=TEXT), "kind": forms.Select(attrs=SELECT)}

    def clean_sources(self) -> list[str]:
        names = [s.strip() for s in self.cleaned_data["sources"].split(",") if s.strip()]
        bad = [n for n in names if not n.replace("_", "").isalnum()]
        if bad:
            raise forms.ValidationError(f"Source names are letters, digits and underscores: {', '.join(bad)}")
        return sorted(set(names))


class NewUserForm(forms.Form):
    username = forms.RegexField(regex=r"^[\w.@+-]+$", max_length=150, widget=forms.TextInput(attrs=TEXT))
    first_name = forms.CharField(max_length=150, required=False, widget=forms.TextInput(attrs=TEXT))
    last_name = forms.CharField(max_length=150, required=False, widget=forms.TextInput(attrs=TEXT))
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs=TEXT))
    role = forms.ChoiceField(choices=UserRole.choices, widget=forms.Select(attrs=SELECT))
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"),
                                          widget=forms.Select(attrs=SELECT))

    def clean_username(self) -> str:
        name = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=name).exists():
            raise forms.ValidationError("That username is taken.")
        return name


class RoleForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.order_by("name"),
                                          widget=forms.Select(attrs=SELECT))

    class Meta:
        model = User
        fields = ["role", "organisation"]
        widgets = {"role": forms.Select(attrs=SELECT)}

