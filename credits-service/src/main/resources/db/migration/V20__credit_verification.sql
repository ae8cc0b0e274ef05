-- Who vouches for each version of a credit (Verification): the provider's report, attached evidence, or the learner's
-- word. Earlier versions get what they would have got: a provider's credit is the provider's until a correction.
alter table credit_version add column verification text;

alter table credit_version disable trigger credit_version_append_only;
update credit_version v set verification = case
    when v.source = 'PROVIDER_REPORTED' and not exists (
            select 1 from credit_version c
            where c.credit_id = v.credit_id and c.version between 2 and v.version and c.status = 'ACTIVE')
        then 'PROVIDER_REPORTED'
    when coalesce(v.evidence_issuer, v.evidence_certificate_number, v.evidence_file_name, v.evidence_sha256) is not null
        then 'EVIDENCE_ATTACHED'
    else 'SELF_REPORTED'
end;
alter table credit_version enable trigger credit_version_append_only;

alter table credit_version alter column verification set not null,
    add constraint credit_version_verification check (verification in ('PROVIDER_REPORTED', 'EVIDENCE_ATTACHED', 'SELF_REPORTED'));
