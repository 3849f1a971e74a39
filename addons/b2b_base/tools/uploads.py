# Copyright 2026 Dealer B2B for Odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the suite accepts as an uploaded document (licences, payment slips):
PDF, PNG or JPEG recognised by their first bytes, never by the file name or
the type the browser claims, of at most ``MAX_FILE_SIZE`` bytes."""

#: accepted documents: their first bytes and the mimetype stored
FILE_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
MAX_FILE_SIZE = 10 * 1024 * 1024


def file_mimetype(content):
    """The mimetype of ``content`` read from its first bytes, or False."""
    if not isinstance(content, bytes):
        return False
    for signature, mimetype in FILE_SIGNATURES:
        if content.startswith(signature):
            return mimetype
    return False
