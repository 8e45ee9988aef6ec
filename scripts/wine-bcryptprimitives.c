/*
 * bcryptprimitives.dll for wine 8 (Debian 12), which lacks it: only for
 * scripts/wine-check.sh, never shipped. Go's runtime (since Go 1.22)
 * draws its random numbers from ProcessPrng in bcryptprimitives.dll, a
 * DLL every Windows 10 and 11 has and wine 8 does not, so a Go program
 * stops at once under wine 8 with "bcryptprimitives.dll not found".
 * This ProcessPrng fills the buffer from RtlGenRandom (advapi32's
 * SystemFunction036), which wine has. wine-check.sh compiles it with
 * mingw-w64 into the test's wine prefix (system32), where the runtime
 * looks for it.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
