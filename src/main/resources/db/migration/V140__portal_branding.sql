-- Portal: each municipality's branding and the pages it maintains itself (BITV start-page items). One row per
-- municipality; no row means the product's defaults. The logo is a small PNG or JPEG served by the portal itself
-- (the Content-Security-Policy allows images from our own origin only).
create table portal_branding (
    tenant_id uuid primary key,
    primary_colour varchar(7) not null,
    logo bytea,
    logo_type varchar(20),
    address varchar(500),
    imprint_url varchar(1000),
    privacy_url varchar(1000),
    feedback_email varchar(200),
    easy_language varchar(20000),
    sign_language varchar(20000),
    sign_language_video_url varchar(1000),
    featured_services varchar(2000),
    updated_at timestamp with time zone not null
);
