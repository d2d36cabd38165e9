using System.Buffers;

namespace Clusterdeck.Http;

/// <summary>A request body read whole into a pooled array (line-protocol bodies are often megabytes).</summary>
internal sealed class RequestBodyBuffer : IDisposable
{
    private byte[] _buffer;

    private RequestBodyBuffer(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Reads the body; null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<RequestBodyBuffer?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var initial = request.ContentLength is { } declared and > 0 and <= int.MaxValue ? (int)Math.Min(declared + 1, maxBytes + 1L) : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (length > maxBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        return new RequestBodyBuffer(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
