from __future__ import annotations

import pandas as pd

from auditor.model import Severity
from auditor.policies import Policy
from auditor.rule import Rule
from auditor.rules.paths import matches


class PolicyRule(Rule):
    """
    ## What it does
    Runs a policy declared in the configuration under `[[policies]]`: required
    frontmatter keys, allowed values for a key, a maximum age, or a text pattern that
    must or must not appear, for the documents under the policy's paths.

    ## Why
    Reflect, choose and prioritise (PL3): each team knows what its own knowledge needs,
    and a policy in the config says it once for every page.

    ## Example
    ```toml
    [[policies]]
    id = "X001"
    message = "Runbooks need an owner and a review date"
    paths = ["runbooks/**"]
    require-keys = ["owner", "reviewed"]
    ```

    ## Fix
    Do what the policy's message asks, or change the policy in the configuration.
    """

    policy: Policy
    summary = "A custom policy from the configuration."
    principle = ""
    severity = Severity.WARNING

    @classmethod
    def for_policy(cls, policy: Policy) -> type[PolicyRule]:
        return type(
            f"Policy{policy.id}",
            (cls,),
            {
                "id": policy.id,
                "name": policy.name,
                "severity": policy.severity,
                "principle": policy.principle,
                "summary": policy.message,
                "policy": policy,
            },
        )

    def check(self, corpus, options):
        policy = self.policy
        docs = corpus.documents
        docs = docs[matches(docs.index, list(policy.paths)).to_numpy()]
        check = getattr(self, "_" + policy.check.replace("-", "_"))
        yield from check(docs, corpus.now)

    def _require_keys(self, docs: pd.DataFrame, now):
        wanted = self.policy.value
        for path, meta, ok in zip(docs.index, docs["frontmatter"], docs["frontmatter_ok"],
                                  strict=True):  # fmt: skip
            missing = [k for k in wanted if ok and meta.get(k) in (None, "", [], {})]
            if missing:
                yield self.finding(path, f"{self.policy.message} (missing: {', '.join(missing)}).",
                                   missing=missing)  # fmt: skip

    def _allowed(self, docs: pd.DataFrame, now):
        key, allowed = self.policy.key, {str(v).lower() for v in self.policy.value}
        for path, meta in zip(docs.index, docs["frontmatter"], strict=True):
            value = meta.get(key)
            if value is not None and str(value).lower() not in allowed:
                yield self.finding(
                    path,
                    f"{self.policy.message} ({key}: {value}).",
                    key=key,
                    value=str(value),
                    allowed=list(self.policy.value),
                )

    def _max_age_days(self, docs: pd.DataFrame, now):
        date = docs["reviewed"].fillna(docs["changed"])
        age = (now - date).dt.days
        for path in docs.index[(age > self.policy.value).to_numpy()]:
            yield self.finding(path, f"{self.policy.message} ({int(age[path])} days old).",
                               age_days=int(age[path]), max_age_days=self.policy.value)  # fmt: skip

    def _forbid_pattern(self, docs: pd.DataFrame, now):
        for path, hits in zip(docs.index, docs["policy_hits"], strict=True):
            line = hits.get(self.policy.id)
            if line is not None:
                yield self.finding(path, self.policy.message, line=line,
                                   pattern=self.policy.value)  # fmt: skip

    def _require_pattern(self, docs: pd.DataFrame, now):
        for path, hits in zip(docs.index, docs["policy_hits"], strict=True):
            if self.policy.id in hits and hits[self.policy.id] is None:
                yield self.finding(path, self.policy.message, pattern=self.policy.value)
