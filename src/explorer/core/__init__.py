"""The app's words and rules: settings, code lists, strings (i18n), how numbers are written, the paper's text."""
