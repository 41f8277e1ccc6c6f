namespace DaiChain.Ledger.Encoding;

/// <summary>A type that owns its canonical encoding.</summary>
/// <remarks>
/// <see cref="Decode"/> reads exactly one value and leaves the reader after it; whole-input decoding with the
/// trailing-byte check is <see cref="Canonical.Decode{T}(ReadOnlySpan{byte})"/>.
/// </remarks>
public interface ICanonicalEncodable<TSelf>
    where TSelf : ICanonicalEncodable<TSelf>
{
    void Encode(ref CanonicalWriter writer);

    static abstract TSelf Decode(ref CanonicalReader reader);
}
