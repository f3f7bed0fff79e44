package org.opencustoms.selection.log;

/**
 * Binds what an entry keeps beside its leaf (the whole decision, read by supervisors and the draw check) to what the
 * leaf commits to, so that a database edit of a decision is caught by verification like an edit of its leaf.
 */
public interface LogContentCheck {

    /** What does not agree, or null. */
    String problem(LogEntryEntity entry);
}
