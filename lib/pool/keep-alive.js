// @ts-check
'use strict'
// Native work reaches JS through a weak (unref'd) callback so that an idle pool never keeps a
// process alive. But while JS waits on native work (a queued task that a native completion will
// start, a drain()/pause() promise), something must: otherwise Node may exit with the wake-up
// still undelivered. One shared timer, referenced while any pool needs it, does that.

let holders = 0
let timer = null

function hold () {
  if (holders++ === 0) {
    if (timer === null) timer = setInterval(() => {}, 2 ** 30)
    timer.ref()
  }
}

function release () {
  if (--holders === 0 && timer !== null) timer.unref()
}

module.exports = { hold, release }
