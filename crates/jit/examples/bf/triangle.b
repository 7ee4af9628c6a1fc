Nested loops: prints a triangle of stars with rows of 1 to 9 stars
cells: 0 rows left  1 row length  2 star  3 newline  4 and 5 scratch

+++++++++                         rows = 9
>>>++++++[<+++++++>-]             star = 6 * 7 (cell 3 counts)
++++++++++                        newline = 10
<<<
[                                 for each row
  >+                              one more star per row
  [>>>+>+<<<<-]                   length to cells 4 and 5
  >>>>[<<<<+>>>>-]                cell 5 back to the length
  <[<<.>>-]                       print cell 4 stars
  <.                              newline
  <<<-                            next row
]
