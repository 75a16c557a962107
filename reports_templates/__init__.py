"""The HTML report templates, installed as `auditor.reports_templates`."""
