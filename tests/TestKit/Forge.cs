using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Transactions;

namespace DaiChain.TestKit;

/// <summary>Byzantine inputs: signed objects altered the way an attacker would.</summary>
public static class Forge
{
    /// <summary>
    /// <paramref name="transaction"/> with a canonical-looking signature that recovers no key at all (its r is
    /// not the x coordinate of a curve point). Flipping bits of a real signature is not enough: that usually
    /// recovers some other key, which is a valid signature by a stranger.
    /// </summary>
    public static SignedTransaction WithUnrecoverableSignature(SignedTransaction transaction)
    {
        var bytes = transaction.Encoded.ToArray();
        var r = bytes.AsSpan(bytes.Length - RecoverableSignature.Size, 32);
        for (var attempt = 0; attempt < 256; attempt++)
        {
            r[31] = (byte)attempt;
            r[0] = 0x10;
            var forged = SignedTransaction.FromBytes(bytes);
            if (!forged.TryRecoverSender(out _))
            {
                return forged;
            }
        }

        throw new InvalidOperationException("no unrecoverable r found in 256 attempts");
    }
}
