using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>
/// The digest every DaiChain signature covers:
/// <c>SHA-256(varint(len tag) || tag || varint(len chainId) || chainId || canonicalBytes)</c>, where tag is the
/// ASCII domain tag and chainId its UTF-8 (ASCII) bytes. docs/spec/signatures.md gives the exact bytes.
/// </summary>
/// <remarks>
/// The tag and chain id are both length-prefixed (canonical codec varints) so that the prefix is unambiguous:
/// no (tag, chain id) pair can be read as another pair followed by different bytes, whatever tags are added later.
/// </remarks>
public static class SignBytes
{
    /// <summary>Largest chain id, in bytes.</summary>
    public const int MaxChainIdBytes = 64;

    // Prefix = 1 + 30 (longest tag) + 1 + 64 (chain id); inputs up to this size are hashed in one shot from the stack.
    private const int StackBufferBytes = 512;

    /// <summary>The ASCII domain tag, for example <c>daichain/tx/v1</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined domain.</exception>
    public static string Tag(SigningDomain domain) => domain switch
    {
        SigningDomain.Transaction => "daichain/tx/v1",
        SigningDomain.Vote => "daichain/vote/v1",
        SigningDomain.Proposal => "daichain/proposal/v1",
        SigningDomain.Handshake => "daichain/handshake/v1",
        SigningDomain.Evaluation => "daichain/evaluation/v1",
        SigningDomain.InferenceReceipt => "daichain/inference-receipt/v1",
        SigningDomain.Evidence => "daichain/evidence/v1",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, "unknown signing domain"),
    };

    /// <summary>
    /// True for a chain id of 1 to <see cref="MaxChainIdBytes"/> characters from <c>[A-Za-z0-9._-]</c>: printable,
    /// unambiguous on screen, and the same bytes in every encoding.
    /// </summary>
    public static bool IsValidChainId(string? chainId)
    {
        if (string.IsNullOrEmpty(chainId) || chainId.Length > MaxChainIdBytes)
        {
            return false;
        }

        foreach (var c in chainId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The digest to sign or verify for <paramref name="canonicalBytes"/> in <paramref name="domain"/> on chain <paramref name="chainId"/>.</summary>
    /// <exception cref="ArgumentException">The chain id is not valid (<see cref="IsValidChainId"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined domain.</exception>
    public static Hash256 Digest(SigningDomain domain, string chainId, ReadOnlySpan<byte> canonicalBytes)
    {
        if (!IsValidChainId(chainId))
        {
            throw new ArgumentException($"chain id must be 1-{MaxChainIdBytes} characters of [A-Za-z0-9._-], got '{chainId}'", nameof(chainId));
        }

        var tag = Tag(domain);
        Span<byte> buffer = stackalloc byte[StackBufferBytes];
        var writer = new CanonicalWriter(buffer);
        try
        {
            writer.WriteString(tag, tag.Length);
            writer.WriteString(chainId, MaxChainIdBytes);
            if (writer.Length + canonicalBytes.Length <= StackBufferBytes)
            {
                writer.WriteFixed(canonicalBytes);
                return Hash256.Compute(writer.WrittenSpan);
            }

            return Hash256.Compute(writer.WrittenSpan, canonicalBytes);
        }
        finally
        {
            writer.Dispose();
        }
    }
}
