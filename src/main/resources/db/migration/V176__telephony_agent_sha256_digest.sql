-- RFC 8760: the registrar challenges with SHA-256 beside MD5 and accepts either. HA1-SHA-256 = SHA-256(sip_user:
-- realm:password) is stored beside the MD5 HA1; the password itself is still never stored, so agents whose password
-- was set before this migration have none (null) and are challenged with MD5 only until their password is set again.
alter table telephony_agent add column ha1_sha256 varchar(64);
