namespace DaiChain.Ledger.Encoding;

/// <summary>Encodes one list item; used with <see cref="CanonicalWriter.WriteList{T}"/>.</summary>
public delegate void CanonicalEncoder<in T>(ref CanonicalWriter writer, T item);
