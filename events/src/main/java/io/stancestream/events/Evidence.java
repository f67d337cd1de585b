package io.stancestream.events;

/**
 * A sentence that moved the stance call.
 *
 * @param sentence the sentence text as it stands in the cleaned body
 * @param start character offset of the sentence in the cleaned body (inclusive)
 * @param end character offset of the sentence in the cleaned body (exclusive)
 * @param speaker {@code "author"} when the author says it, else the quoted or reported speaker
 * @param contribution signed weight this sentence added to the document score
 */
public record Evidence(String sentence, int start, int end, String speaker, double contribution) {

  public static final String AUTHOR = "author";

  public boolean byAuthor() {
    return AUTHOR.equals(speaker);
  }
}
