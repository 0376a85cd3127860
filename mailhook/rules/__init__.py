"""Pure decisions: whose mail it is and what may be read (routing), and what a scanned reply may
write (the fill policies). May use trust (the author's reading) and the shared modules."""
