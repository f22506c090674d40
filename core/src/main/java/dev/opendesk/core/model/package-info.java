/**
 * The domain values exchanged across the {@code Computer} port and on the wire (protocol §10.1
 * and §11): immutable records whose components follow the wire field order, with Java names in
 * camelCase of the wire names, and string enums exposing their wire value through {@code wire()}.
 *
 * <p>No nulls cross these APIs, except for record components marked {@code @Nullable}: they are
 * exactly the fields the protocol marks as "may be nil", and {@code null} there stands for a
 * wire nil. Constructors validate their arguments: a missing required value throws
 * {@link java.lang.NullPointerException}; a present but bad value (NaN coordinates, negative
 * sizes, blank ids, ...) throws {@link dev.opendesk.core.model.OpendeskException} with
 * {@link dev.opendesk.core.model.ErrorCode#INVALID_ARGUMENT}, so bad wire params surface as
 * {@code invalid_argument}. Lists and maps are copied into unmodifiable collections (maps keep
 * insertion order); byte arrays are copied in and out.
 */
@NullMarked
package dev.opendesk.core.model;

import org.jspecify.annotations.NullMarked;
