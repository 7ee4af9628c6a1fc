Hello world: each letter is reached from the previous one in the same cell
cell 1 holds the letters; cell 3 the comma then the space and the bang

++++++++[>+++++++++<-]>.          H = 8 * 9
<+++++[>++++++<-]>-.              e = 72 plus 30 minus 1
+++++++..                         l l
+++.                              o
>++++[>+++++++++++<-]>.           comma = 4 * 11 (in cell 3)
------------.                     space
<<------------------------.       W = o minus 24
++++++++++++++++++++++++.         o
+++.                              r
------.                           l
--------.                         d
>>+.                              bang = space plus 1
>++++++++++.                      newline (cell 4)
