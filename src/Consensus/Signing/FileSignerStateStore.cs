using DaiChain.Consensus.Wal;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Signing;

/// <summary>
/// <see cref="ISignerStateStore"/> in a <see cref="SlotFile"/> of two 512-byte slots: a crash while saving leaves
/// the previous state readable, so the guard can lose only a signature it never released.
/// </summary>
public sealed class FileSignerStateStore : ISignerStateStore, IDisposable
{
    private readonly SlotFile _file;

    public FileSignerStateStore(string path)
    {
        _file = new SlotFile(path, 512);
    }

    public SignerState? Load()
    {
        if (_file.Read() is not { } bytes)
        {
            return null;
        }

        try
        {
            return Canonical.Decode<SignerState>(bytes);
        }
        catch (CodecException e)
        {
            // The checksum matched, so this is not a torn write: refuse to guess what was signed.
            throw new InvalidDataException($"the signer state passed its checksum but does not decode: {e.Message}", e);
        }
    }

    public void Save(SignerState state) => _file.Write(Canonical.Encode(state));

    public void Dispose() => _file.Dispose();
}
