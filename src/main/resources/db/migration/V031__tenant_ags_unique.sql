-- A municipality has one Amtlicher Gemeindeschlüssel and no two municipalities share one.
alter table tenant add constraint uk_tenant_ags unique (ags);
