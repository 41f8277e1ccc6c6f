using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>A block the application built: its canonical bytes, hash and time.</summary>
public sealed record BuiltBlock(byte[] Block, Hash256 Hash, long TimeMs);
