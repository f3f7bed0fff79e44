-- The orphan sweep asks which stored objects (payloads and renditions) a row still refers to, by content hash
create index scan_payload_sha256 on scan (payload_sha256);
create index scan_analysis_rendition_sha256 on scan_analysis (rendition_sha256);
create index scan_analysis_overlay_sha256 on scan_analysis (overlay_sha256);
