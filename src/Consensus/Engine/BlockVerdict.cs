using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// The application's judgement of proposed block bytes. <see cref="Hash"/> is null when the bytes do not decode
/// (then nobody can be blamed: a relay may have damaged them, and the engine drops the message).
/// </summary>
public sealed record BlockVerdict(Hash256? Hash, long TimeMs, bool IsValid, string? Reason)
{
    public static BlockVerdict Undecodable(string reason) => new(null, 0, false, reason);
}
