namespace DaiChain.Ledger.Encoding;

/// <summary>Decodes one list item; used with <see cref="CanonicalReader.ReadList{T}"/>.</summary>
public delegate T CanonicalDecoder<out T>(ref CanonicalReader reader);
