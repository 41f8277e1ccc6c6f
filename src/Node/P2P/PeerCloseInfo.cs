namespace DaiChain.Node.P2P;

/// <summary>Why a peer connection ended and whether the peer was banned for it.</summary>
internal sealed record PeerCloseInfo(string Reason, bool Banned);
