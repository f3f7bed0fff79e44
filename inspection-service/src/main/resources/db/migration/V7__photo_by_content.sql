-- The orphan sweep asks which stored photo files a row still refers to, by content hash
create index photo_sha256 on photo (sha256);
