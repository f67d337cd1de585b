package io.stancestream.analysis;

/**
 * A sentence that moved the stance call.
 *
 * @param sentence exactly {@code body.substring(start, end)} of the body given to the analyzer
 * @param start offset in that body, inclusive
 * @param end offset in that body, exclusive
 * @param speaker {@code "author"}, or the name of the quoted / reported speaker
 * @param contribution signed weight added to the document score (negative = against membership)
 */
public record EvidenceSentence(
    String sentence, int start, int end, String speaker, double contribution) {}
