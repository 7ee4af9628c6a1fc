z = complex(3, 4)
print(z, z.real, z.imag, abs(z), z.conjugate(), z * 2, z + 1j, (1 + 2j) * (3 - 1j))
print(1j ** 2, complex("1+2j"), repr(2j), -1j, (2 + 0j) == 2)
